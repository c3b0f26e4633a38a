package dev.ramp.cli;

import dev.ramp.compiler.Compiler;
import dev.ramp.compiler.Library;
import dev.ramp.compiler.ir.Function;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ramp compile}: definitions written out as ordinary class files (or a jar), each a class
 * implementing {@code dev.ramp.runtime.Activation} that needs only the ramp runtime.
 */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = {
            "Write each NAME as a class file implementing dev.ramp.runtime.Activation, for javap or for shipping.",
            "Load a class with any class loader that sees ramp-runtime and call its no-argument constructor."
        },
        footer = {"", "Examples:", "  ramp compile -o out mish gelu     # out/ramp/generated/Mish.class, Gelu.class",
                  "  ramp compile -o acts.jar --package com.example mish", "  javap -c -p -cp out ramp.generated.Mish"})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions options;

    @Mixin
    FormulaOption formula;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR|JAR", defaultValue = ".", description = "A directory, or a file ending in .jar (default: the current directory).")
    Path output;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = "ramp.generated", description = "Package of the generated classes (default: ramp.generated).")
    String packageName;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "NAME", description = "Definitions to compile (stdlib or --file).")
    List<String> names;

    @Override
    public Integer call() throws IOException {
        if (!packageName.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new BadInput("invalid package name '" + packageName + "'");
        }
        Library library = options.library();
        Map<String, Double> params = options.parameterValues();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : names) {
            Function f = options.function(name, library);
            String binaryName = packageName + "." + ClassNames.of(f.name());
            Map<String, Double> own = new LinkedHashMap<>();
            params.forEach((k, v) -> { if (f.parameter(k) != null) own.put(k, v); });
            classes.put(binaryName.replace('.', '/') + ".class", Compiler.classFile(f, own, binaryName, formula.options()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.toString().endsWith(".jar")) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (output.toAbsolutePath().getParent() != null) Files.createDirectories(output.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(output); JarOutputStream jar = new JarOutputStream(file, manifest)) {
                for (var e : classes.entrySet()) {
                    jar.putNextEntry(new JarEntry(e.getKey()));
                    jar.write(e.getValue());
                    jar.closeEntry();
                }
            }
            out.println("wrote " + output + " (" + classes.size() + " class" + (classes.size() == 1 ? "" : "es") + ")");
        } else {
            for (var e : classes.entrySet()) {
                Path file = output.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
                out.println("wrote " + file);
            }
        }
        return Main.OK;
    }
}
