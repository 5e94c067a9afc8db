#include "EditorScreen.h"
#include "HostError.h"

#include <fstream>
#include <string>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/XKBlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

namespace
{
    /** JUCE looks up the window-manager atoms it sets on new windows (WM_PROTOCOLS and others)
        with only_if_exists, once, when its message thread starts. On a bare X server (Xvfb, no
        window manager) they do not exist yet, JUCE gets atom 0, and X kills the process with
        BadAtom on the first window. So, for the editor commands only, create them before main()
        starts JUCE: atoms live in the server, so interning them from our own connection is
        enough, as long as this connection stays open. */
    const bool atomsReady = []
    {
        // /proc files report size 0, so read with a plain stream; arguments are NUL-separated.
        std::ifstream cmdline ("/proc/self/cmdline", std::ios::binary);
        std::string program, command;
        std::getline (cmdline, program, '\0');
        std::getline (cmdline, command, '\0');

        if (command != "editor" && command != "editor-cycles")
            return false;

        auto* x = XOpenDisplay (nullptr);

        if (x == nullptr)
            return false;

        for (const char* name : { "WM_PROTOCOLS", "WM_TAKE_FOCUS", "WM_DELETE_WINDOW", "_NET_WM_PING",
                                  "WM_CHANGE_STATE", "WM_STATE", "_NET_WM_WINDOW_TYPE", "_NET_WM_STATE",
                                  "_NET_WM_STATE_HIDDEN", "_NET_WM_WINDOW_TYPE_NORMAL", "_NET_WM_WINDOW_TYPE_COMBO",
                                  "_NET_FRAME_EXTENTS", "_NET_WORKAREA", "_MOTIF_WM_HINTS", "_NET_WM_ALLOWED_ACTIONS",
                                  "_NET_WM_STATE_FULLSCREEN", "_NET_WM_PID", "_XEMBED", "_XEMBED_INFO" })
            XInternAtom (x, name, False);

        // Kept open for the life of the process: when the last client leaves, an X server resets
        // and forgets its atoms (Xvfb as xvfb-run starts it does).
        XSync (x, False);
        return true;
    }();
}

struct EditorScreen::Display
{
    ::Display* x = nullptr;
};

EditorScreen::EditorScreen() : display (std::make_unique<Display>())
{
    display->x = XOpenDisplay (nullptr);

    if (display->x == nullptr)
        failPlugin ("no X display (run under xvfb-run)");

    int event, error, major, minor;

    if (! XTestQueryExtension (display->x, &event, &error, &major, &minor))
        failPlugin ("the X server has no XTEST extension");
}

EditorScreen::~EditorScreen()
{
    if (display->x != nullptr)
        XCloseDisplay (display->x);
}

juce::Point<int> EditorScreen::screenOrigin (juce::Component& component) const
{
    auto* peer = component.getPeer();

    if (peer == nullptr)
        failPlugin ("the editor is not on screen");

    const auto window = (::Window) (juce::pointer_sized_uint) peer->getNativeHandle();
    const auto inPeer = peer->getComponent().getLocalPoint (&component, juce::Point<int>()) ;
    const auto scale = juce::Desktop::getInstance().getDisplays().getPrimaryDisplay()->scale;
    int x = 0, y = 0;
    ::Window child;
    XTranslateCoordinates (display->x, window, DefaultRootWindow (display->x),
                           juce::roundToInt (inPeer.x * scale), juce::roundToInt (inPeer.y * scale), &x, &y, &child);
    return { x, y };
}

juce::Image EditorScreen::capture (juce::Component& component) const
{
    XSync (display->x, False);
    const auto origin = screenOrigin (component);
    const auto scale = juce::Desktop::getInstance().getDisplays().getPrimaryDisplay()->scale;
    auto* screen = DefaultScreenOfDisplay (display->x);

    // Only what is on the screen can be read back.
    const int x0 = juce::jmax (0, origin.x), y0 = juce::jmax (0, origin.y);
    const int w = juce::jmin (juce::roundToInt (component.getWidth() * scale), WidthOfScreen (screen) - x0);
    const int h = juce::jmin (juce::roundToInt (component.getHeight() * scale), HeightOfScreen (screen) - y0);

    if (w <= 0 || h <= 0)
        failPlugin ("the editor is off screen");

    auto* image = XGetImage (display->x, DefaultRootWindow (display->x), x0, y0, (unsigned) w, (unsigned) h, AllPlanes, ZPixmap);

    if (image == nullptr)
        failPlugin ("XGetImage failed");

    juce::Image result (juce::Image::RGB, w, h, false);
    juce::Image::BitmapData pixels (result, juce::Image::BitmapData::writeOnly);

    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
        {
            const auto p = XGetPixel (image, x, y);   // TrueColor 24/32 bit: 0x00RRGGBB
            pixels.setPixelColour (x, y, juce::Colour ((juce::uint8) ((p >> 16) & 0xff), (juce::uint8) ((p >> 8) & 0xff),
                                                       (juce::uint8) (p & 0xff)));
        }

    XDestroyImage (image);
    return result;
}

void EditorScreen::moveTo (juce::Component& component, juce::Point<int> position) const
{
    const auto origin = screenOrigin (component);
    XTestFakeMotionEvent (display->x, -1, origin.x + position.x, origin.y + position.y, CurrentTime);
    XFlush (display->x);
}

void EditorScreen::press (bool down) const
{
    XTestFakeButtonEvent (display->x, 1, down ? True : False, CurrentTime);
    XFlush (display->x);
}

void EditorScreen::wheel (bool up) const
{
    // X reports wheel steps as presses of buttons 4 (up) and 5 (down).
    XTestFakeButtonEvent (display->x, up ? 4 : 5, True, CurrentTime);
    XTestFakeButtonEvent (display->x, up ? 4 : 5, False, CurrentTime);
    XFlush (display->x);
}

namespace
{
    void pressKeysym (::Display* x, KeySym sym, bool withShift, const juce::String& what)
    {
        const auto code = XKeysymToKeycode (x, sym);

        if (code == 0)
            failArgs ("the X keymap has no key for " + what);

        // The keymap says which level (plain or shifted) of the key gives the symbol.
        const bool shifted = withShift || (XkbKeycodeToKeysym (x, code, 0, 0) != sym
                                           && XkbKeycodeToKeysym (x, code, 0, 1) == sym);
        const auto shift = XKeysymToKeycode (x, XK_Shift_L);

        if (shifted)
            XTestFakeKeyEvent (x, shift, True, CurrentTime);

        XTestFakeKeyEvent (x, code, True, CurrentTime);
        XTestFakeKeyEvent (x, code, False, CurrentTime);

        if (shifted)
            XTestFakeKeyEvent (x, shift, False, CurrentTime);

        XFlush (x);
    }
}

void EditorScreen::key (const juce::String& name) const
{
    const bool shift = name.startsWithIgnoreCase ("shift+");
    const auto symName = shift ? name.fromFirstOccurrenceOf ("+", false, false) : name;
    const auto sym = XStringToKeysym (symName.toRawUTF8());

    if (sym == NoSymbol)
        failArgs ("--key: X knows no key named " + symName);

    pressKeysym (display->x, sym, shift, "--key " + name);
}

void EditorScreen::type (const juce::String& text) const
{
    for (auto c : text)
    {
        // Latin-1 keysyms are the characters themselves; the rest of Unicode is 0x01000000 + code point.
        const auto sym = (KeySym) ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) ? c : 0x01000000 | c);
        pressKeysym (display->x, sym, false, "--type character U+" + juce::String::toHexString ((int) c));
    }
}
