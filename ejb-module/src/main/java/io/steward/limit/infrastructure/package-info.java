/** Token buckets kept by Bucket4j in a JCache on Payara's Hazelcast data grid. */
package io.steward.limit.infrastructure;
