/** placeholder */
package io.earshot.embedded;
