package org.foldback.bridge;

import org.foldback.engine.Processor;

/** Makes the processor each plugin instance runs: the cue engine with its meters (FoldbackProcessor). */
final class ProcessorFactory {
    private ProcessorFactory() {}

    static Processor create() {
        return new org.foldback.engine.FoldbackProcessor();
    }
}
