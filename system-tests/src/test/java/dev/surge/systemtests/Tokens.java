package dev.surge.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens that must not get in: forged, unsigned, expired, tampered.
 */
final class Tokens {

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private Tokens() {
	}

	/** Signed with another key. */
	static String wrongKey(long userId, String username, String role) {
		return sign(claims(userId, username, role, Instant.now().plus(1, ChronoUnit.HOURS)),
				"not-the-surge-key-" + "x".repeat(40), JWSAlgorithm.HS256);
	}

	/** {@code alg: none}, no signature. */
	static String unsigned(long userId, String username, String role) {
		String header = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = URL
			.encodeToString(claims(userId, username, role, Instant.now().plus(1, ChronoUnit.HOURS)).toString()
				.getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	/** Signed with the right key, expired an hour ago. */
	static String expired(long userId, String username, String role) {
		return sign(claims(userId, username, role, Instant.now().minus(1, ChronoUnit.HOURS)), SurgeSystem.JWT_SECRET,
				JWSAlgorithm.HS256);
	}

	/** The right key, but HS512 where the API accepts only HS256. */
	static String otherAlgorithm(long userId, String username, String role) {
		return sign(claims(userId, username, role, Instant.now().plus(1, ChronoUnit.HOURS)),
				SurgeSystem.JWT_SECRET + SurgeSystem.JWT_SECRET, JWSAlgorithm.HS512);
	}

	/** A genuine customer token whose payload was changed to make them an admin. */
	static String tampered(String genuine) {
		String[] parts = genuine.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"CUSTOMER\"", "\"ADMIN\"");
		return parts[0] + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	private static JWTClaimsSet claims(long userId, String username, String role, Instant expiry) {
		return new JWTClaimsSet.Builder().issuer("surge")
			.subject(Long.toString(userId))
			.claim("username", username)
			.claim("role", role)
			.issueTime(Date.from(expiry.minus(2, ChronoUnit.HOURS)))
			.expirationTime(Date.from(expiry))
			.build();
	}

	private static String sign(JWTClaimsSet claims, String key, JWSAlgorithm algorithm) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
			jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
