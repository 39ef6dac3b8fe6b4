package dev.surge.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens as order-api issues them (HS256, issuer {@code surge}, the user id as
 * subject, {@code username} and {@code role} claims), signed with the secret the API was
 * started with; for runs and tests that create their users directly in MySQL.
 */
public final class AccessTokens {

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private AccessTokens() {
	}

	/**
	 * A token valid from now on.
	 * @param secret the API's {@code SURGE_SECURITY_JWT_SECRET}
	 * @param userId the user's id (the subject)
	 * @param username the {@code username} claim
	 * @param role {@code CUSTOMER} or {@code ADMIN}
	 * @param validity how long until it expires
	 * @return the signed token
	 */
	public static String issue(String secret, long userId, String username, String role, Duration validity) {
		long now = Instant.now().getEpochSecond();
		String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
		String claims = encode("{\"iss\":\"surge\",\"sub\":\"" + userId + "\",\"username\":\"" + username
				+ "\",\"role\":\"" + role + "\",\"iat\":" + now + ",\"exp\":" + (now + validity.toSeconds()) + "}");
		String signed = header + "." + claims;
		return signed + "." + BASE64.encodeToString(hmac(secret, signed));
	}

	private static String encode(String json) {
		return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
