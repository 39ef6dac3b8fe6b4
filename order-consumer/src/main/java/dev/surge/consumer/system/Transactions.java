package dev.surge.consumer.system;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions the consumer writes orders and stock in.
 */
public final class Transactions {

	private Transactions() {
	}

	/**
	 * READ COMMITTED: row locks only, no gap locks taken by the IN lists.
	 */
	public static TransactionTemplate readCommitted(PlatformTransactionManager transactionManager) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return transactions;
	}

}
