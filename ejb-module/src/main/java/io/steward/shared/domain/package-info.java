/** Building blocks every capability's domain uses: named failures and their kinds. */
package io.steward.shared.domain;
