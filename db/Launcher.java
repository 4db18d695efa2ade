import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 and APOC core registered.
 *
 * Usage: java -cp 'db/.cache/lib/*' db/Launcher.java <port> <dataDir> [pageCacheMb]
 * Prints exactly one line starting with "NEO4J READY bolt://127.0.0.1:<port>" when it accepts
 * connections, or a line starting with "NEO4J ERROR" and exits 2 when it cannot start.
 * SIGTERM/SIGINT, end of file on stdin, and the death of the process that started it (it is
 * then re-parented) shut the database down cleanly (checkpoint, store closed) before exit.
 */
public class Launcher {
    private static final List<String> REQUIRED_APOC = List.of(
        "RETURN apoc.version() AS v",
        "RETURN apoc.date.convertFormat('2024-01-01T00:00:00Z', 'iso_zoned_date_time', 'iso_offset_date_time') AS d",
        "CALL apoc.util.validate(false, 'unused', [0]) RETURN 1 AS ok",
        "RETURN apoc.util.validatePredicate(false, 'unused', [0]) AS ok");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            fail("usage: Launcher <port> <dataDir> [pageCacheMb]");
        }
        watchParent();
        int port = parsePort(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 384;

        ensurePortFree(port);
        Files.createDirectories(home);

        DatabaseManagementService started;
        try {
            started = new DatabaseManagementServiceBuilder(home)
                // Bolt listens on loopback only, so disabling auth exposes nothing beyond this machine.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .build();
        } catch (Throwable e) {
            fail("could not open the database in " + home + ": " + rootCause(e)
                + " (is another Neo4j using this NEO4J_DATA_DIR?)");
            return;
        }
        DatabaseManagementService dbms = started;

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J STOPPED");
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int registered;
        try {
            registered = registerApoc(db);
        } catch (Exception e) {
            fail("could not register APOC: " + e);
            return;
        }
        // @neo4j/graphql calls these on every DateTime read and authorization check.
        for (String probe : REQUIRED_APOC) {
            try {
                db.executeTransactionally(probe);
            } catch (RuntimeException e) {
                fail("APOC is incomplete, '" + probe + "' failed: " + e.getMessage()
                    + "; delete db/.cache and start again to refetch the jars");
            }
        }
        System.out.println("NEO4J READY bolt://127.0.0.1:" + port + " apocProcedures=" + registered + " home=" + home);
        System.out.flush();
        // The process that started this one holds its stdin open. When that process ends, even
        // killed hard, stdin reaches end of file: the database then shuts down (the hook above)
        // instead of running on as an orphan that keeps its port, store lock and CPU.
        try {
            while (System.in.read() != -1) {
                // input carries no commands
            }
        } catch (IOException ignored) {
            // a broken pipe means the same
        }
        System.exit(0);
    }

    /**
     * Exits (running the shutdown hook) once the process that started this one is gone, checked
     * twice a second from the very start. Stdin's end of file says the same, but is read only
     * once the database is up, and never comes while another process holds the pipe open.
     */
    private static void watchParent() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        if (parent <= 1) return; // started by init or a container's entry point: nothing to watch
        Thread watchdog = new Thread(() -> {
            for (;;) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
                if (now != parent) {
                    System.out.println("NEO4J INFO the process that started this one (pid " + parent + ") is gone; shutting down");
                    System.exit(0);
                }
            }
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) return port;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        fail("port must be an integer in 1..65535, got '" + text + "'");
        return -1;
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            fail("port " + port + " on 127.0.0.1 is already in use (" + e.getMessage()
                + "); stop what uses it or set NEO4J_EMBEDDED_PORT to a free port");
        }
    }

    /** Registers every APOC core class that declares procedures or functions; returns how many. */
    private static int registerApoc(GraphDatabaseService db) throws Exception {
        GlobalProcedures procedures = ((GraphDatabaseAPI) db).getDependencyResolver()
            .resolveDependency(GlobalProcedures.class);
        Path jar = Path.of(apoc.version.Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int count = 0;
        List<String> skipped = new ArrayList<>();
        for (Class<?> type : apocClasses(jar)) {
            try {
                boolean proc = false, func = false, aggr = false;
                for (Method m : type.getDeclaredMethods()) {
                    proc |= m.isAnnotationPresent(Procedure.class);
                    func |= m.isAnnotationPresent(UserFunction.class);
                    aggr |= m.isAnnotationPresent(UserAggregationFunction.class);
                }
                if (!(proc || func || aggr)) continue;
                if (proc) procedures.registerProcedure(type);
                if (func) procedures.registerFunction(type);
                if (aggr) procedures.registerAggregationFunction(type);
                count++;
            } catch (Exception | LinkageError e) {
                // Classes needing optional libraries (Arrow, cloud SDKs) are skipped; required
                // functions are verified after registration.
                skipped.add(type.getSimpleName());
            }
        }
        if (!skipped.isEmpty()) {
            System.out.println("NEO4J INFO APOC classes skipped for missing optional libraries: " + skipped);
        }
        return count;
    }

    private static List<Class<?>> apocClasses(Path jar) throws IOException {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = apoc.version.Version.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.startsWith("apoc/") || !name.endsWith(".class") || name.contains("$")) continue;
                String className = name.substring(0, name.length() - 6).replace('/', '.');
                try {
                    out.add(Class.forName(className, false, loader));
                } catch (Throwable skipped) {
                    // A class whose optional dependency is absent cannot declare a usable procedure.
                }
            }
        }
        return out;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void fail(String message) {
        System.out.println("NEO4J ERROR " + message);
        System.out.flush();
        System.exit(2);
    }
}
