package org.foldback.cli;

/** Entry point of the Java command line; the ./foldback script calls it for Java-side commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (PluginJvm.relaunchNeeded(args)) {
            System.exit(PluginJvm.relaunch(args));
        }
        System.exit(Commands.run(args, System.out, System.err));
    }
}
