/** placeholder */
package io.earshot.testkit;
