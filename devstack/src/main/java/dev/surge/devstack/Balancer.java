package dev.surge.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A round-robin TCP balancer in front of several HTTP backends, in this JVM (virtual
 * threads), for machines without nginx. Each client connection goes to the next backend
 * that accepts it; a backend that refuses (stopped, restarting) is skipped. Works for
 * plain requests and for long-lived event streams alike, since it only copies bytes.
 */
public final class Balancer implements AutoCloseable {

	private final ServerSocket server;

	private final List<Integer> backends;

	private final AtomicInteger next = new AtomicInteger();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private Balancer(ServerSocket server, List<Integer> backends) {
		this.server = server;
		this.backends = List.copyOf(backends);
	}

	/**
	 * Listens on 127.0.0.1:{@code port} and forwards to 127.0.0.1:{@code backends}.
	 * @param port the port to listen on ({@code 0} for any free one)
	 * @param backends the backends' ports
	 * @return the running balancer
	 */
	public static Balancer start(int port, List<Integer> backends) {
		try {
			ServerSocket server = new ServerSocket(port, 512, InetAddress.getLoopbackAddress());
			Balancer balancer = new Balancer(server, backends);
			balancer.threads.submit(balancer::acceptLoop);
			Processes.register(balancer);
			return balancer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the balancer cannot listen on " + port, ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.threads.submit(() -> serve(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket client) {
		Socket backend = connect();
		if (backend == null) {
			closeQuietly(client);
			return;
		}
		try {
			client.setTcpNoDelay(true);
			backend.setTcpNoDelay(true);
			this.threads.submit(() -> pipe(backend, client));
			pipe(client, backend);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(backend);
		}
	}

	private @Nullable Socket connect() {
		int first = Math.floorMod(this.next.getAndIncrement(), this.backends.size());
		for (int i = 0; i < this.backends.size(); i++) {
			int port = this.backends.get((first + i) % this.backends.size());
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
				return socket;
			}
			catch (IOException ex) {
				closeQuietly(socket);
			}
		}
		return null;
	}

	/** Copies until either side closes, then closes both. */
	private static void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			byte[] buffer = new byte[16 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		Processes.unregister(this);
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.threads.shutdownNow();
	}

}
