package io.steward.shared.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration} before
 * anything else runs. Other startup beans name this one in {@code @DependsOn}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = "jdbc/steward")
  DataSource dataSource;

  /**
   * Also on the method: the EJB rules for a singleton's lifecycle callbacks read the transaction
   * attribute there, and Flyway's several connections must not join a transaction.
   */
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    var result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        "Database schema at version "
            + result.targetSchemaVersion
            + " ("
            + result.migrationsExecuted
            + " migrations applied now)");
  }
}
