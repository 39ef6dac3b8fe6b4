package dev.surge.api.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Commons Logging over SLF4J, checking the level before a message is turned into text.
 * Commons Logging's own SLF4J adapter (1.3.6 and 1.4.0) calls {@code String.valueOf} on
 * every message, enabled or not, so each disabled {@code debug(LogMessage.format(...))}
 * of Spring (Security's matchers run several per request) formats its text and throws it
 * away (spring-framework#37266). Registered in {@code META-INF/services}, which Commons
 * Logging consults before its defaults.
 */
public final class GuardedLogFactory extends LogFactory {

	private final LogFactory slf4j = new Slf4jLogFactory();

	@Override
	public Log getInstance(Class<?> type) {
		return new Guarded(this.slf4j.getInstance(type));
	}

	@Override
	public Log getInstance(String name) {
		return new Guarded(this.slf4j.getInstance(name));
	}

	@Override
	public Object getAttribute(String name) {
		return this.slf4j.getAttribute(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.slf4j.getAttributeNames();
	}

	@Override
	public void removeAttribute(String name) {
		this.slf4j.removeAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.slf4j.setAttribute(name, value);
	}

	@Override
	public void release() {
		this.slf4j.release();
	}

	/**
	 * Asks the level first; the level is read on every call, so it may change at run
	 * time.
	 */
	private record Guarded(Log log) implements Log {

		@Override
		public void trace(Object message) {
			if (this.log.isTraceEnabled()) {
				this.log.trace(message);
			}
		}

		@Override
		public void trace(Object message, Throwable ex) {
			if (this.log.isTraceEnabled()) {
				this.log.trace(message, ex);
			}
		}

		@Override
		public void debug(Object message) {
			if (this.log.isDebugEnabled()) {
				this.log.debug(message);
			}
		}

		@Override
		public void debug(Object message, Throwable ex) {
			if (this.log.isDebugEnabled()) {
				this.log.debug(message, ex);
			}
		}

		@Override
		public void info(Object message) {
			if (this.log.isInfoEnabled()) {
				this.log.info(message);
			}
		}

		@Override
		public void info(Object message, Throwable ex) {
			if (this.log.isInfoEnabled()) {
				this.log.info(message, ex);
			}
		}

		@Override
		public void warn(Object message) {
			if (this.log.isWarnEnabled()) {
				this.log.warn(message);
			}
		}

		@Override
		public void warn(Object message, Throwable ex) {
			if (this.log.isWarnEnabled()) {
				this.log.warn(message, ex);
			}
		}

		@Override
		public void error(Object message) {
			this.log.error(message);
		}

		@Override
		public void error(Object message, Throwable ex) {
			this.log.error(message, ex);
		}

		@Override
		public void fatal(Object message) {
			this.log.fatal(message);
		}

		@Override
		public void fatal(Object message, Throwable ex) {
			this.log.fatal(message, ex);
		}

		@Override
		public boolean isTraceEnabled() {
			return this.log.isTraceEnabled();
		}

		@Override
		public boolean isDebugEnabled() {
			return this.log.isDebugEnabled();
		}

		@Override
		public boolean isInfoEnabled() {
			return this.log.isInfoEnabled();
		}

		@Override
		public boolean isWarnEnabled() {
			return this.log.isWarnEnabled();
		}

		@Override
		public boolean isErrorEnabled() {
			return this.log.isErrorEnabled();
		}

		@Override
		public boolean isFatalEnabled() {
			return this.log.isFatalEnabled();
		}

	}

}
