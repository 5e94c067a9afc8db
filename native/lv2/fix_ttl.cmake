# Makes the .ttl files that JUCE's juce_lv2_helper writes into the LV2 bundle valid against the
# LV2 specification (as `lv2_validate`, i.e. sord_validate with the installed LV2 spec, checks it).
# Run after every link of Foldback_LV2, right after JUCE's own post-build step writes the files:
#
#   cmake -DBUNDLE=<path>/Foldback.lv2 -DPLUGIN_URI=<uri> -P native/lv2/fix_ttl.cmake
#
# Each edit is the smallest one that states the same thing in a form the spec allows; none changes
# what jalv or Ardour read (native/tests/VALIDATION.md, "LV2 metadata", has the reasons).
# native/tests/lv2_validate_ttl.sh checks the result. If JUCE's output changes shape so that an
# edit no longer applies, this script warns, and that test names what is left.

foreach(var BUNDLE PLUGIN_URI)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "fix_ttl.cmake: -D${var}=... is required")
    endif()
endforeach()

# Replaces the regex PATTERN in CONTENT_VAR with REPLACEMENT; warns when it matches nothing.
function(fix_regex content_var what pattern replacement)
    string(REGEX REPLACE "${pattern}" "${replacement}" fixed "${${content_var}}")
    if(fixed STREQUAL "${${content_var}}")
        message(WARNING "fix_ttl.cmake: JUCE's LV2 metadata changed, nothing to fix for: ${what}")
    endif()
    set(${content_var} "${fixed}" PARENT_SCOPE)
endfunction()

# --- dsp.ttl ---------------------------------------------------------------------------------
set(dsp "${BUNDLE}/dsp.ttl")
file(READ "${dsp}" ttl)

# 1. JUCE marks discrete parameters (patch:writable lv2:Parameter subjects) with
#    `lv2:portProperty lv2:enumeration [, lv2:toggled]`. lv2:portProperty's domain is lv2:Port, so
#    on a parameter it is invalid. The parameter keeps what the spec allows it: its rdfs:range
#    (atom:Float: the type the plugin reads and sends in patch:Set), lv2:minimum/maximum/default
#    and the lv2:scalePoint labels. JUCE writes a parameter's properties with one tab and a port's
#    with two, so this line is the parameter form only.
fix_regex(ttl "lv2:portProperty on lv2:Parameter"
    "\n\tlv2:portProperty lv2:enumeration [^\n]*;\n" "\n")

# 2. doap:maintainer and doap:release have the domain doap:Project: say the plugin is one (as the
#    LV2 spec's own example plugins do). lilv takes the plugin class from lv2:Plugin as before.
fix_regex(ttl "the plugin typed doap:Project"
    "(<${PLUGIN_URI}>\n(\tui:ui <[^>]*> ;\n)?\ta lv2:Plugin) ;\n" "\\1 , doap:Project ;\n")

# 3. JUCE writes `foaf:mbox <>` when no e-mail is configured; `<>` resolves to the file's own URL
#    (lv2info showed "Author Email: file:///.../dsp.ttl"). Leave the maintainer without one.
string(REPLACE "\t\tfoaf:mbox <> ;\n" "" ttl "${ttl}")

# 4. JUCE puts each grouped parameter (each cue's, grouped for VST3 units) in its group with
#    `pg:group`, whose domain is lv2:Port: invalid on a parameter. The groups stay declared;
#    jalv and Ardour do not read groups of patch parameters.
fix_regex(ttl "pg:group on lv2:Parameter"
    "\n\tpg:group plug:paramgroup_[^\n]*;\n" "\n")

file(WRITE "${dsp}" "${ttl}")

# --- manifest.ttl ----------------------------------------------------------------------------
# 4. JUCE's factory presets store the program number under the state key <URI:Program>, which no
#    file declares. Declare it: an integer property with a label.
set(manifest "${BUNDLE}/manifest.ttl")
file(READ "${manifest}" ttl)
if(NOT ttl MATCHES "<${PLUGIN_URI}:Program>\n\ta rdf:Property")
    string(APPEND ttl
        "@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "\n"
        "<${PLUGIN_URI}:Program>\n"
        "\ta rdf:Property ;\n"
        "\trdfs:label \"Program\" ;\n"
        "\trdfs:comment \"The index of the factory program a preset loads (a state key).\" ;\n"
        "\trdfs:range xsd:int .\n")
endif()
file(WRITE "${manifest}" "${ttl}")

# --- ui.ttl ----------------------------------------------------------------------------------
# 5. ui:noUserResize is a feature, not extension data: out of lv2:extensionData (the UI's
#    extension_data() still answers for it). opts:interface is extension data, not a feature: out
#    of lv2:optionalFeature (it stays in lv2:extensionData, where it belongs).
set(ui "${BUNDLE}/ui.ttl")
if(EXISTS "${ui}")
    file(READ "${ui}" ttl)
    fix_regex(ttl "ui:noUserResize in lv2:extensionData"
        "(\tlv2:extensionData\n[^;]*)\t\tui:noUserResize ,\n" "\\1")
    fix_regex(ttl "opts:interface in lv2:optionalFeature"
        "(\tlv2:optionalFeature\n[^;]*)\t\topts:interface ,\n" "\\1")
    file(WRITE "${ui}" "${ttl}")
endif()
