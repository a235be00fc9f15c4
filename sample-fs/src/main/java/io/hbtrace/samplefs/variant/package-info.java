/**
 * The variants of the extending-DIO ordering, selected by name through {@link
 * io.hbtrace.samplefs.variant.VariantRegistry}: the racy v5.5–v5.12 order, its fixes, and seeded
 * orphan-handling mistakes. Each is a small strategy over the building blocks of {@link
 * io.hbtrace.samplefs.dio.InodeExtension}.
 */
package io.hbtrace.samplefs.variant;
