package dev.ramp.compiler.diag;

import java.util.Collection;
import java.util.Optional;

/** Nearest-name suggestions for "did you mean ...?" hints. */
public final class Hints {
    private Hints() {}

    /**
     * The candidate closest to {@code name} by edit distance (insert, delete, substitute, swap
     * two neighbours), if it is close enough to be a likely typo: one edit for names up to five
     * characters, two for longer ones, none for one- and two-letter names (where every name
     * is one edit away). Ties go to the earlier candidate.
     *
     * {@snippet :
     * Hints.nearest("tanhh", List.of("exp", "tanh", "sinh")); // Optional[tanh]
     * }
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        int allowed = name.length() <= 2 ? 0 : name.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d > 0 && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal-string-alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
