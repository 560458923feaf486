package io.stackbench.scenario.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds scenario files. A library root is the nearest folder named {@code scenarios} above a
 * file, or the folder given on the command line; ids are paths below it, so
 * {@code scenarios/arp/gratuitous-at-boot.json} has the id {@code arp/gratuitous-at-boot}.
 */
public final class ScenarioDiscovery {

    /** Folders never searched: build output, sources and hidden folders. */
    private static final Set<String> SKIPPED = Set.of("target", "src", "node_modules");

    private ScenarioDiscovery() {
    }

    /** Returns the scenario files under {@code paths} (files or folders), sorted by id, without duplicates. */
    public static List<ScenarioFile> find(List<Path> paths) throws IOException {
        Map<Path, ScenarioFile> found = new LinkedHashMap<>();
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                Path root = libraryRoot(path, path);
                for (Path file : jsonFiles(path)) {
                    found.putIfAbsent(file, new ScenarioFile(file, idOf(root, file), root));
                }
            } else if (Files.isRegularFile(path)) {
                Path root = libraryRoot(path.getParent(), path.getParent());
                found.putIfAbsent(path, new ScenarioFile(path, idOf(root, path), root));
            } else {
                throw new IOException("scenario path not found: " + given);
            }
        }
        List<ScenarioFile> files = new ArrayList<>(found.values());
        files.sort(Comparator.comparing(ScenarioFile::id).thenComparing(f -> f.path().toString()));
        return files;
    }

    private static Path libraryRoot(Path start, Path fallback) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("scenarios")) {
                return p;
            }
        }
        return fallback;
    }

    private static String idOf(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return relative.endsWith(".json") ? relative.substring(0, relative.length() - ".json".length()) : relative;
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(folder) && (SKIPPED.contains(name) || name.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".json") && !name.endsWith(".schema.json")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }
}
