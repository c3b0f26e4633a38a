// The ramp language: files of activation definitions, or a single expression in x.
//
//   ## Mish: a self-regularised non-monotonic activation.     (doc comment, kept for `ramp show`)
//   mish(x) = x * tanh(softplus(x))
//   elu(x; alpha = 1.0) = where(x > 0, x, alpha * expm1(x))
//
// Newlines are white space, so a definition may span lines; a definition ends where the next
// `name(` ... `) =` begins. Alternatives are labelled so the AST builder has one visit method per
// label. The grammar holds syntax only: names, arities and types are checked by the compiler
// (which also rules out recursion: a definition may call only the library and definitions above it).
grammar Ramp;

// ---------------------------------------------------------------- Parser rules

input
    : definition+ EOF                                              # Definitions
    | expr EOF                                                     # BareExpression
    | EOF                                                          # EmptyInput
    ;

// `f(xs[]) = ...` takes a row (a vector) instead of a number; the body may then reduce it
// (sum, max, min, mean, len) and map numbers over it element by element.
definition
    : name=IDENT '(' variable=IDENT (row='[' ']')? (';' params+=parameter (',' params+=parameter)*)? ')' '=' body=expr
    ;

// A default is parsed as any expression so that `a = x` or `a = 1/3` can be told "must be a
// number" by the compiler, instead of failing as a puzzling parse error further on.
parameter
    : name=IDENT ('=' defaultValue=expr)?
    ;

// Precedence from tightest to loosest, as listed: ANTLR gives earlier alternatives priority.
// `^` is right-associative and binds tighter than unary minus, so -x^2 is -(x^2) and 2^-x parses.
expr
    : <assoc=right> base=expr '^' exponent=expr                     # Power
    | op=('-' | '+') operand=expr                                  # Unary
    | left=expr op=('*' | '/') right=expr                          # Multiplicative
    | left=expr op=('+' | '-') right=expr                          # Additive
    | left=expr op=('<' | '<=' | '>' | '>=' | '==' | '!=') right=expr # Comparison
    | NOT operand=expr                                             # Not
    | left=expr AND right=expr                                     # And
    | left=expr OR right=expr                                      # Or
    | LET bindings+=binding (',' bindings+=binding)* IN body=expr  # Let
    | callee=IDENT '(' (args+=argument (',' args+=argument)*)? (';' named+=namedArgument (',' named+=namedArgument)*)? ')' # Call
    | '(' inner=expr ')'                                           # Parenthesized
    | NUMBER                                                       # Number
    | IDENT                                                        # Name
    ;

binding
    : name=IDENT '=' value=expr
    ;

argument
    : expr
    ;

namedArgument
    : name=IDENT '=' value=expr
    ;

// ---------------------------------------------------------------- Lexer rules

// Punctuation has names so that the compiler can refer to it (RampLexer.LPAREN); parser rules
// above still write the literals, which ANTLR maps to these tokens.
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
SEMI   : ';' ;
ASSIGN : '=' ;
CARET  : '^' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' ;
SLASH  : '/' ;
LT     : '<' ;
LE     : '<=' ;
GT     : '>' ;
GE     : '>=' ;
EQ     : '==' ;
NE     : '!=' ;
LBRACK : '[' ;
RBRACK : ']' ;

LET : 'let' ;
IN  : 'in' ;
AND : 'and' ;
OR  : 'or' ;
NOT : 'not' ;

IDENT : [a-zA-Z_] [a-zA-Z_0-9]* ;

// 1, 0.5, 1e-6, .5, 2., 1.0E-300
NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

// Anything that starts like a number but is not one (1.2.3, 1e, 2x): one token, so the compiler
// can say "invalid number '1.2.3'" instead of a confusing parse error at the second dot. No parser
// rule accepts it, so parsing stops right there and the error is reported at this token.
INVALID_NUMBER
    : ([0-9] | '.' [0-9]) [0-9a-zA-Z_.]*
    ;

// Doc comments go to their own channel: the AST builder reads the ones just before a definition.
DOC_COMMENT : '##' ~[\r\n]* -> channel(2) ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n\f]+ -> skip ;

// Any other character becomes a token the parser rejects with a position, never a lexer crash.
UNEXPECTED_CHAR : . ;

fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
