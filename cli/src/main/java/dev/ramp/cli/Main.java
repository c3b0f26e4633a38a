package dev.ramp.cli;

/** Placeholder entry point. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("ramp");
    }
}
