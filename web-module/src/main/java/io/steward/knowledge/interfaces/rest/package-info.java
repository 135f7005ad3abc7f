/** Uploading knowledge documents and downloading them (multipart and bytes do not fit GraphQL). */
package io.steward.knowledge.interfaces.rest;
