package io.steward.shared.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Answers whether the database takes a query right now. */
@ApplicationScoped
public class DatabaseHealth {

  @Resource(lookup = "jdbc/steward")
  DataSource dataSource;

  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(3);
      statement.execute("select 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
