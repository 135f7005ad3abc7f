/** Recording audit entries and reading them page by page. */
package io.steward.audit.application;
