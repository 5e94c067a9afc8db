package org.foldback.state;

/**
 * An instance's state as last written for its host, kept with a copy of the state it was written
 * from: a host that asks again while nothing changed (after creating an instance, at every save,
 * some at every edit) gets the same bytes without the state being written again. Equality is
 * {@link PluginState#sameAs}, field by field and floats to the bit, so a reused blob is always
 * the one the writer would make now. Not thread-safe: one per instance, used under its owner's
 * lock (StateHolder's).
 */
public final class WrittenState {
    private PluginState written;
    private byte[] bytes;

    /** {@link StateCodec#encode} of {@code state}, from the bytes kept when it has not changed since. */
    public byte[] encode(PluginState state) {
        if (written == null || !written.sameAs(state)) {
            byte[] fresh = StateCodec.encode(state);
            // A copy, never the caller's object: a later change to the state must not change the key.
            written = state.copy();
            bytes = fresh;
        }
        return bytes.clone();   // callers may keep or change what they get
    }
}
