/** Reading uploaded files into structured passages (Apache Tika for PDF, DOCX and HTML). */
package io.steward.knowledge.infrastructure.parsing;
