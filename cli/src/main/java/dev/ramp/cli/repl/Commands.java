package dev.ramp.cli.repl;

import dev.ramp.cli.repl.Command.Args;
import dev.ramp.compiler.diag.Hints;
import java.util.ArrayList;
import java.util.List;

/** Every REPL command, each with its help, and how a {@code :name} finds its command. */
final class Commands {
    private final List<Command> all = new ArrayList<>();

    Commands() {
        add("help", List.of("h", "?"), ":help [COMMAND]", "list the commands, or explain one", """
                With no argument, lists every command. With one, explains it: :help plot (or :help :plot).
                Outside commands: type a definition such as  f(x; a = 2) = x * sigmoid(a * x)
                to define it for the session, or an expression such as  mish(1.5)  or  x * tanh(x)
                to see its value or its simplified form.
                Keys: Tab completes names and commands, Up/Down walk the history (kept in ~/.ramp_history),
                Ctrl-R searches it, Ctrl-C cancels the line, Ctrl-D (on an empty line) leaves.
                An unfinished line (an open parenthesis, a trailing = or operator) continues on the next
                line; an empty line ends it.""", Args.COMMAND, HelpCommand::run);
        add("d", List.of("diff"), ":d [N] EXPR [--wrt NAME]", "the N-th derivative (default 1), simplified", """
                EXPR is a definition's name or an expression in x. N defaults to 1; 0 simplifies.
                --wrt NAME differentiates with respect to a parameter instead of x.
                Examples:
                  :d mish
                  :d 2 x * sigmoid(x)
                  :d elu --wrt alpha""", Args.EXPRESSION, MathCommands::derivative);
        add("simplify", List.of("s"), ":simplify EXPR", "the simplified form of an expression or definition", """
                Examples:
                  :simplify x * 1 + 0
                  :simplify exp(log(x))""", Args.EXPRESSION, MathCommands::simplify);
        add("latex", List.of("tex"), ":latex [N] EXPR", "LaTeX for EXPR or for its N-th derivative", """
                Prints LaTeX source (for a paper, or a Markdown $$ block). N defaults to 0, the function itself.
                Examples:
                  :latex gelu_tanh
                  :latex 1 mish""", Args.EXPRESSION, MathCommands::latex);
        add("plot", List.of("p"), ":plot EXPR [FROM TO] [--order 0,1,2] [--out FILE.svg|FILE.png]",
                "draw f, f', f'' in the terminal, and optionally to an image", """
                Draws EXPR and its derivatives on [FROM, TO] (default -5 5, see :set plot-range) with
                braille dots (or blocks: :set plot-style block), axes with tick values and a legend.
                Values too large to show next to the rest (a pole) are clipped, and the plot says so;
                NaN and infinite points are left out.
                --order picks the curves: 0 the function, 1 its first derivative, and so on (default 0,1,2).
                --out also writes an image with title, axes, gridlines and legend: .svg or .png by the name.
                Examples:
                  :plot mish
                  :plot x * sigmoid(x) -8 8 --order 0,1
                  :plot gelu --out gelu.svg""", Args.EXPRESSION, PlotCmd::run);
        add("show", List.of(), ":show NAME", "a definition in full: doc, text, parameters, derivatives", """
                Example:
                  :show elu""", Args.NAME, DefinitionCommands::show);
        add("list", List.of("ls"), ":list", "the session's definitions, then the stdlib's names", """
                Lists what you defined or loaded in this session (with their formulas), then every
                stdlib definition by name; :show NAME prints one in full.""", Args.NONE, DefinitionCommands::list);
        add("load", List.of(), ":load FILE", "define everything in a .ramp file", """
                Reads FILE (definitions, one after another, as :save writes them) and defines each for
                the session; later definitions may call earlier ones and the stdlib.
                Example:
                  :load my-activations.ramp""", Args.FILE, DefinitionCommands::load);
        add("save", List.of(), ":save FILE", "write the session's definitions to a .ramp file", """
                Writes every definition made in this session, with its doc comment, in the order made, as a
                file :load (or ramp --file) reads back. A name without an extension gets .ramp.
                Example:
                  :save my-activations.ramp""", Args.FILE, DefinitionCommands::save);
        add("check", List.of(), ":check EXPR", "a definition's accuracy in ulps against a high-precision reference", """
                Compiles NAME (or an expression in x) and measures f, f' and f'' in double and f, f' in float
                against a high-precision reference on a few hundred inputs from the whole double range: the
                largest and mean error in ulps, where the largest occurs, and any NaN or infinity where the
                true value is finite. Budgets: 4 ulp (f, f'), 16 (f''), 1 float ulp. 'ramp check' sweeps more.
                Example:
                  :check mish
                  :check log(1 + exp(x))""", Args.NAME, CodeCommands::check);
        add("bench", List.of(), ":bench NAME", "a quick timing of the compiled function (not JMH)", """
                Compiles NAME and times it on 4096 inputs in [-5, 5]: values, derivatives and the fused
                forward/backward pass, in nanoseconds per element after a short warm-up. It is a quick
                look, not a benchmark: no forks, no JMH; expect differences of 10-20% between runs.
                ramp's JMH benchmarks (the bench module) give numbers to quote.""", Args.NAME, CodeCommands::bench);
        add("analyze", List.of(), ":analyze EXPR", "the properties the ReLU literature argues about, with numbers", """
                Range and bounds, monotonicity, tails (saturation, vanishing gradients), kinks and smoothness,
                moments under a standard normal input (sparsity, dead gradient), the initialisation gain beside
                PyTorch's calculate_gain, gradient flow through depth, parity and scale invariance.
                Example:
                  :analyze relu""", Args.NAME, CodeCommands::analyze);
        add("bytecode", List.of("bc"), ":bytecode NAME", "the generated class, as the Class-File API prints it", """
                Compiles NAME (parameters at their defaults) to the class ramp compile would write and prints it
                with java.lang.classfile's own printer: fields, methods and their code.""", Args.NAME, CodeCommands::bytecode);
        add("set", List.of(), ":set [OPTION [VALUE]]", "show or change an option", """
                :set alone lists every option with its value; :set OPTION shows one; :set OPTION VALUE changes it.
                Example:
                  :set plot-style block""", Args.OPTION, SetCommand::run);
        add("quit", List.of("q", "exit"), ":quit", "leave (Ctrl-D does too)", """
                Leaves the REPL. History is kept; definitions are not: :save them first.""", Args.NONE, (inv, cx) -> cx.quit());
    }

    private void add(String name, List<String> aliases, String synopsis, String summary, String help, Args args, Command.Handler h) {
        all.add(new Command(name, aliases, synopsis, summary, help, args, h));
    }

    List<Command> all() {
        return all;
    }

    /** The command a word names ({@code d}, {@code :d}, {@code diff}), or null. */
    Command find(String word) {
        String w = word.startsWith(":") ? word.substring(1) : word;
        for (Command c : all) if (c.answersTo(w)) return c;
        return null;
    }

    void run(Invocation inv, Context cx) {
        Command c = find(inv.name());
        if (c == null) {
            List<String> names = new ArrayList<>();
            for (Command k : all) {
                names.add(k.name());
                names.addAll(k.aliases());
            }
            int at = inv.nameStart();
            throw inv.error(at, at + 1 + inv.name().length(), inv.name().isEmpty() ? "expected a command after ':'" : "unknown command ':" + inv.name() + "'",
                    Hints.nearest(inv.name(), names).map(n -> "did you mean ':" + find(n).name() + "'?").orElse(":help lists the commands"));
        }
        if (c.args() == Args.NONE && !inv.args().isBlank()) {
            int start = inv.words().getFirst().start();
            throw inv.error(start, inv.input().stripTrailing().length(), ":" + c.name() + " takes no arguments", "usage: " + c.synopsis());
        }
        c.handler().run(inv, cx);
    }
}
