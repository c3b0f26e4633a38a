/** The ANTLR-generated lexer, parser and visitor of the ramp language. */
module dev.ramp.grammar {
    requires transitive org.antlr.antlr4.runtime;

    exports dev.ramp.grammar;
}
