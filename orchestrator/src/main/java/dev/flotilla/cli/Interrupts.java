package dev.flotilla.cli;

import dev.flotilla.run.FleetRun;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and SIGTERM during a fleet run: the first stops scheduling and lets in-flight tenants finish or
 * roll back for the run's grace period, after which their statements are cancelled; a second one cancels
 * them at once. The JVM's own handlers are put back on {@link #close()}. Uses {@code sun.misc.Signal}
 * (jdk.unsupported): a shutdown hook cannot tell a first signal from a second, nor keep the exit code.
 */
final class Interrupts implements AutoCloseable {

    static final int EXIT_CODE = 130;

    private final FleetRun run;
    private final PrintWriter err;
    private final AtomicInteger signals = new AtomicInteger();
    private final Timer timer = new Timer("flotilla-grace", true);
    private SignalHandler previousInt;
    private SignalHandler previousTerm;

    private Interrupts(FleetRun run, PrintWriter err) {
        this.run = run;
        this.err = err;
    }

    static Interrupts install(FleetRun run, PrintWriter err) {
        Interrupts interrupts = new Interrupts(run, err);
        SignalHandler handler = signal -> interrupts.received(signal.getName());
        interrupts.previousInt = handle("INT", handler);
        interrupts.previousTerm = handle("TERM", handler);
        return interrupts;
    }

    private void received(String signal) {
        if (signals.incrementAndGet() == 1) {
            err.println("interrupted (SIG" + signal + "): starting no more tenants; " + run.inFlight()
                    + " in flight finish or roll back within " + text(run.settings().grace())
                    + " (again to cancel them now)");
            err.flush();
            run.interrupt();
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    run.cancelInFlight();
                }
            }, Math.max(1, run.settings().grace().toMillis()));
        } else {
            err.println("interrupted again: cancelling the statements in flight");
            err.flush();
            run.cancelInFlight();
        }
    }

    @Override
    public void close() {
        timer.cancel();
        restore("INT", previousInt);
        restore("TERM", previousTerm);
    }

    private static SignalHandler handle(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException unavailable) {
            return null; // this platform or JVM option (-Xrs) does not let us handle it: the default stays
        }
    }

    private static void restore(String name, SignalHandler previous) {
        if (previous != null) {
            handle(name, previous);
        }
    }

    private static String text(java.time.Duration grace) {
        return grace.toMillis() % 1000 == 0 ? grace.toSeconds() + " s" : grace.toMillis() + " ms";
    }
}
