package dev.ramp.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the ramp command in-process, capturing exit code, standard output and standard error. */
record RampRunner(int code, String out, String err) {

    static RampRunner run(String... args) {
        return runWithInput("", args);
    }

    static synchronized RampRunner runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new RampRunner(code, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    /** Standard output as doubles, one per line. */
    double[] values() {
        return out.lines().mapToDouble(Double::parseDouble).toArray();
    }
}
