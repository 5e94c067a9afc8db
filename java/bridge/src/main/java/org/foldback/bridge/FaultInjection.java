package org.foldback.bridge;

/**
 * Test hook: makes process throw at a chosen block so the real-host tests can prove the host
 * survives a Java exception. Off unless FOLDBACK_TEST_THROW_AT_BLOCK is set; read once, never on
 * the audio thread.
 */
final class FaultInjection {
    private final long throwAtBlock;
    private long block;

    private FaultInjection(long throwAtBlock) {
        this.throwAtBlock = throwAtBlock;
    }

    static FaultInjection fromEnvironment() {
        String v = System.getenv("FOLDBACK_TEST_THROW_AT_BLOCK");
        long at = -1;
        if (v != null) {
            try {
                at = Long.parseLong(v.trim());
            } catch (NumberFormatException ignored) {
                at = -1;
            }
        }
        return new FaultInjection(at);
    }

    void beforeBlock() {
        if (throwAtBlock >= 0 && block++ == throwAtBlock) {
            throw new IllegalStateException(HostileText.onto("injected test fault at block " + throwAtBlock));
        }
    }
}
