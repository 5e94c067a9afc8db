package org.foldback.engine.param;

/**
 * What a parameter belongs to: the whole plugin, one source, one cue, or one cue's send from one
 * source. The table lays the scopes out in this order (see {@link Params}).
 */
public enum ParamScope {
    GLOBAL,
    SOURCE,
    CUE,
    SEND
}
