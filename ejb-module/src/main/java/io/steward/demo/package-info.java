/** The embedded default's demo workspace and the small company's data it starts with. */
package io.steward.demo;
