package org.foldback.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.foldback.control.Controller;
import org.foldback.engine.param.ParamSpec;
import org.foldback.engine.param.Params;

/**
 * A logged-in client's edits of its own cue, each checked whole before anything changes and sent
 * through the controller as a gesture (begin, perform, end), so the host records it as it records
 * an edit in the editor. Every parameter index is computed from the session's cue, never from the
 * message, so a message cannot name another cue's parameter.
 *
 * <pre>
 * {"type":"edit", "target":"send", "source":3, "field":"level"|"pan"|"mute", "phase":"begin"|"move"|"end"|"set", "value":...}
 * {"type":"edit", "target":"cue", "field":"level", "phase":..., "value":-3.5}
 * {"type":"moreMe", "db":2}        the sources marked "me" up by db/2, the others down by db/2
 * {"type":"me", "source":3, "on":true}
 * </pre>
 * Levels are dB from -90 (off) to +10, pan -1 (left) to 1 (right), mute true/false.
 */
final class CueEdits {
    static final float MORE_ME_MAX_DB = 12f;
    /** Gestures a client may hold open at once (one finger per fader, a few fingers). */
    static final int MAX_OPEN_GESTURES = 4;

    private CueEdits() {}

    /** Does an edit message; {@code open} holds the parameters whose gesture this client began. */
    static void edit(Controller c, int cue, ObjectNode m, Set<Integer> open) throws BadMessage {
        String target = Messages.text(m, "target");
        String field = Messages.text(m, "field");
        int param;
        switch (target) {
            case "send": {
                int source = Messages.integer(m, "source", 1, c.sourceCount()) - 1;
                switch (field) {
                    case "level": param = Params.cue(cue).send(source).level(); break;
                    case "pan": param = Params.cue(cue).send(source).pan(); break;
                    case "mute": param = Params.cue(cue).send(source).mute(); break;
                    default: throw new BadMessage("bad-field", "a send's field is level, pan or mute");
                }
                break;
            }
            case "cue":
                if (!field.equals("level")) {
                    throw new BadMessage("bad-field", "the cue's field is level");
                }
                param = Params.cue(cue).level();
                break;
            default:
                throw new BadMessage("bad-field", "target is send or cue");
        }
        float normalized = normalized(param, field, m);
        String phase = Messages.text(m, "phase");
        switch (phase) {
            case "set":
                if (open.contains(param)) {
                    throw new BadMessage("gesture", "a gesture on this control is open; move or end it");
                }
                c.edit(param, normalized);
                break;
            case "begin":
                if (open.contains(param)) {
                    throw new BadMessage("gesture", "this control's gesture is already open");
                }
                if (open.size() >= MAX_OPEN_GESTURES) {
                    throw new BadMessage("gesture", "at most " + MAX_OPEN_GESTURES + " controls at once");
                }
                open.add(param);
                c.beginEdit(param);
                c.performEdit(param, normalized);
                break;
            case "move":
                if (!open.contains(param)) {
                    throw new BadMessage("gesture", "begin a gesture before moving");
                }
                c.performEdit(param, normalized);
                break;
            case "end":
                if (!open.remove(param)) {
                    throw new BadMessage("gesture", "no gesture to end on this control");
                }
                c.performEdit(param, normalized);
                c.endEdit(param);
                break;
            default:
                throw new BadMessage("bad-field", "phase is begin, move, end or set");
        }
    }

    private static float normalized(int param, String field, ObjectNode m) throws BadMessage {
        ParamSpec p = Params.get(param);
        switch (field) {
            case "mute":
                return Messages.bool(m, "value") ? 1f : 0f;
            case "pan":
                return p.normalize(Messages.number(m, "value", -1f, 1f));
            default:
                return p.normalize(Messages.number(m, "value", Params.LEVEL_MIN_DB, Params.LEVEL_MAX_DB));
        }
    }

    /**
     * "More me": the sources marked "me" up by half the step, the rest down by half, each as one
     * gesture, so the performer's own sound moves by the whole step against the band. A send that
     * is off (-90 dB) stays off; values stop at the ends of the range.
     */
    static void moreMe(Controller c, int cue, ObjectNode m, Set<Integer> open) throws BadMessage {
        float db = Messages.number(m, "db", -MORE_ME_MAX_DB, MORE_ME_MAX_DB);
        boolean anyMe = false;
        for (int s = 0; s < c.sourceCount(); s++) {
            anyMe |= c.isMe(cue, s);
        }
        if (!anyMe) {
            throw new BadMessage("no-me", "mark your own sources as \"me\" first");
        }
        for (int s = 0; s < c.sourceCount(); s++) {
            int param = Params.cue(cue).send(s).level();
            if (open.contains(param)) {
                throw new BadMessage("gesture", "let go of the faders first");
            }
        }
        for (int s = 0; s < c.sourceCount(); s++) {
            int param = Params.cue(cue).send(s).level();
            float now = CueView.plain(c, param);
            if (now <= Params.LEVEL_MIN_DB) {
                continue;
            }
            float next = now + (c.isMe(cue, s) ? db / 2 : -db / 2);
            next = Math.max(Params.LEVEL_MIN_DB + 0.5f, Math.min(Params.LEVEL_MAX_DB, next));
            if (next != now) {
                c.edit(param, Params.get(param).normalize(next));
            }
        }
    }

    static void me(Controller c, int cue, ObjectNode m) throws BadMessage {
        int source = Messages.integer(m, "source", 1, c.sourceCount()) - 1;
        c.setMe(cue, source, Messages.bool(m, "on"));
    }
}
