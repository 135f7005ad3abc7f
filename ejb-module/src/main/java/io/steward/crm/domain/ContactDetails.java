package io.steward.crm.domain;

import java.util.UUID;

/** What is written down about a contact; checked by {@link Contact}. */
public record ContactDetails(
    String name, UUID companyId, String email, String phone, Integer leadScore) {}
