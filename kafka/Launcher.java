import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Runs one Apache Kafka node in KRaft mode (broker and controller in one process) on 127.0.0.1.
 *
 * Usage: java -cp 'kafka/.cache/lib/*' kafka/Launcher.java <port> <dataDir> [controllerPort]
 * The broker listens on <port>; the controller on [controllerPort] (default: a free port picked
 * at start, which is fine: a static single-voter quorum keeps no address in its storage).
 * The first start formats <dataDir> with a new cluster id; later starts reuse it.
 * Prints "KAFKA READY 127.0.0.1:<port>" once the broker answers clients (a describeCluster
 * round trip, not just an open socket), or "KAFKA ERROR <why>" and exits 2.
 * SIGTERM/SIGINT, end of file on stdin and the death of the process that started it stop the
 * broker cleanly (Kafka's own shutdown hook: logs flushed, controller resigned).
 */
public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) fail("usage: Launcher <port> <dataDir> [controllerPort]");
        watchParent();
        int port = parsePort(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        ensurePortFree(port);
        int controllerPort = args.length > 2 ? parsePort(args[2]) : freePort();

        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        Path config = home.resolve("server.properties");
        writeConfig(config, port, controllerPort, logs);
        format(config, logs);

        Thread ready = new Thread(() -> awaitReady(port, home), "kafka-ready");
        ready.setDaemon(true);
        ready.start();
        Thread stdin = new Thread(Launcher::exitAtEndOfInput, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        // Blocks until the broker stops; exits the JVM itself (1 when the broker cannot start).
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static void writeConfig(Path file, int port, int controllerPort, Path logs) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logs.toString());
        // One node: every internal topic has one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // A consumer group forms at once instead of waiting 3 s for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "4");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "written by kafka/Launcher.java at every start; edits are overwritten");
        }
    }

    /** Formats the storage with a new cluster id unless it is formatted already. */
    private static void format(Path config, Path logs) {
        if (Files.exists(logs.resolve("meta.properties"))) return;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            code = kafka.tools.StorageTool.execute(
                new String[] {"format", "--ignore-formatted", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, out);
        } catch (Throwable e) {
            fail("could not format the storage in " + logs + ": " + rootCause(e));
            return;
        }
        if (code != 0) fail("could not format the storage in " + logs + " (exit " + code + "): " + captured.toString(StandardCharsets.UTF_8).trim());
    }

    /** Prints READY once a client's describeCluster succeeds; ERROR if that takes two minutes. */
    private static void awaitReady(int port, Path home) {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    System.out.println("KAFKA READY 127.0.0.1:" + port + " home=" + home);
                    System.out.flush();
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            return;
        }
        fail("the broker did not answer on 127.0.0.1:" + port + " within 2 minutes");
    }

    /**
     * The process that started this one holds its stdin open; when that process ends, even
     * killed hard, stdin reaches end of file and the broker stops instead of running on.
     */
    private static void exitAtEndOfInput() {
        try {
            while (System.in.read() != -1) {
                // input carries no commands
            }
        } catch (IOException ignored) {
            // a broken pipe means the same
        }
        System.exit(0);
    }

    /** Exits once the process that started this one is gone (stdin may be held by another). */
    private static void watchParent() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        if (parent <= 1) return;
        Thread watchdog = new Thread(() -> {
            for (;;) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
                if (now != parent) {
                    System.out.println("KAFKA INFO the process that started this one (pid " + parent + ") is gone; shutting down");
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
            fail("port " + port + " on 127.0.0.1 is already in use (" + e.getMessage() + "); stop what uses it or choose another port");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void fail(String message) {
        System.out.println("KAFKA ERROR " + message);
        System.out.flush();
        System.exit(2);
    }
}
