package io.forwardlog.testkit.pki;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The files of one leaf certificate and of every certificate reissued from it: {@code <base>.crt}
 * and the {@link KeyFile key files} beside it. Also remembers the password of each encrypted key file
 * written so far, so that a reissue can write those again.
 *
 * <p>Writers synchronise on this object, so that the files of two generations never mix.
 */
final class LeafFiles {

    private static final String CERTIFICATE_SUFFIX = ".crt";
    private static final int MAX_ATTEMPTS = 1000;

    private final Path directory;
    private final String base;
    private final Map<KeyFile, char[]> passwords = new EnumMap<>(KeyFile.class); // guarded by this
    private int generation; // guarded by this

    private LeafFiles(Path directory, String base) {
        this.directory = directory;
        this.base = base;
    }

    /**
     * Claims a base name in {@code directory} derived from {@code name} plus {@code kind}, adding
     * {@code -2}, {@code -3} ... when another certificate already uses it: {@code <base>.crt} is created
     * exclusively, so two issuers sharing a directory never overwrite each other's files.
     */
    static LeafFiles claim(Path directory, String name, String kind) {
        String preferred = readable(name) + kind;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String base = attempt == 1 ? preferred : preferred + "-" + attempt;
            if (AtomicFiles.claim(directory.resolve(base + CERTIFICATE_SUFFIX))) {
                return new LeafFiles(directory, base);
            }
        }
        throw new IllegalStateException("cannot find a free file name for '" + preferred + "' in " + directory
                + " after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * {@code name} with what is awkward in a file name replaced: {@code *} by {@code wildcard}, anything
     * else but letters, digits, dot, dash and underscore by {@code _}. A trailing ".pkcs1" or
     * ".encrypted" gets a {@code _}, so that no base plus a key suffix spells another base's file.
     */
    static String readable(String name) {
        String readable = name.replace("*", "wildcard").replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.startsWith(".")) {
            readable = "_" + readable;
        }
        if (readable.endsWith(".pkcs1") || readable.endsWith(".encrypted")) {
            readable = readable + "_";
        }
        return readable;
    }

    String base() {
        return base;
    }

    Path certificate() {
        return directory.resolve(base + CERTIFICATE_SUFFIX);
    }

    Path key(KeyFile kind) {
        return directory.resolve(base + kind.suffix());
    }

    /** Starts a new generation of these files; the previous one may no longer write. */
    synchronized int nextGeneration() {
        return ++generation;
    }

    synchronized boolean isCurrent(int candidate) {
        return generation == candidate;
    }

    synchronized void rememberPassword(KeyFile kind, char[] password) {
        char[] previous = passwords.put(kind, password.clone());
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    /** Copies of the remembered passwords; the caller should wipe them after use. */
    synchronized Map<KeyFile, char[]> rememberedPasswords() {
        Map<KeyFile, char[]> copies = new EnumMap<>(KeyFile.class);
        passwords.forEach((kind, password) -> copies.put(kind, password.clone()));
        return copies;
    }
}
