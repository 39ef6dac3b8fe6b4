package dev.surge.api.system;

/**
 * Carries a {@link Problem} to the web edge. Features turn their rejection values into
 * one of these at the controller; {@link ProblemHandling} writes it.
 */
public class ApiException extends RuntimeException {

	private final Problem problem;

	public ApiException(Problem problem) {
		super(problem.detail(), null, false, false);
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

}
