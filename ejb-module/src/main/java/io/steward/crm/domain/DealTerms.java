package io.steward.crm.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What is agreed or hoped for in a deal; checked by {@link Deal}. */
public record DealTerms(
    String title,
    UUID companyId,
    UUID contactId,
    BigDecimal value,
    String currency,
    LocalDate expectedClose) {}
