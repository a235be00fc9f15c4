package io.hbtrace.agent.instrument;

/**
 * Elements handed between threads through the JDK's thread-safe collections, called through {@code
 * Map}, {@code Queue}, {@code Deque}, {@code List} or {@code Collection} (a set's elements), and a
 * {@code Stack}'s own methods (see {@code CollectionHooks}, and {@code BulkCollectionHooks} for the
 * calls that place or visit many elements; a {@code BlockingQueue}'s own methods are {@link
 * HandoffInstrumentation}'s, whose rules come first).
 */
final class CollectionInstrumentation {
  private static final String MAP = "java/util/Map";
  private static final String QUEUE = "java/util/Queue";
  private static final String DEQUE = "java/util/Deque";
  private static final String LIST = "java/util/List";
  private static final String STACK = "java/util/Stack";
  private static final String COLLECTION = "java/util/Collection";
  private static final String ITERABLE = "java/lang/Iterable";
  private static final String ITERATOR = "java/util/Iterator";
  private static final String OBJ = "Ljava/lang/Object;";
  private static final String FUNCTION = "Ljava/util/function/Function;";
  private static final String BI_FUNCTION = "Ljava/util/function/BiFunction;";
  private static final String STREAM = "Ljava/util/stream/Stream;";

  private CollectionInstrumentation() {}

  static void addRules(CallRedirect.Rules rules) {
    rules
        .in(CallRedirect.COLLECTION_HOOKS)
        .instance(MAP, "put", "(" + OBJ + OBJ + ")" + OBJ, "put")
        .instance(MAP, "putIfAbsent", "(" + OBJ + OBJ + ")" + OBJ, "putIfAbsent")
        .instance(MAP, "replace", "(" + OBJ + OBJ + ")" + OBJ, "replace")
        .instance(MAP, "replace", "(" + OBJ + OBJ + OBJ + ")Z", "replace")
        .instance(MAP, "get", "(" + OBJ + ")" + OBJ, "get")
        .instance(MAP, "getOrDefault", "(" + OBJ + OBJ + ")" + OBJ, "getOrDefault")
        .instance(MAP, "remove", "(" + OBJ + ")" + OBJ, "remove")
        .instance(MAP, "containsValue", "(" + OBJ + ")Z", "containsValue")
        .instance(MAP, "containsKey", "(" + OBJ + ")Z", "containsKey")
        .instance(MAP, "computeIfAbsent", "(" + OBJ + FUNCTION + ")" + OBJ, "computeIfAbsent")
        .instance(MAP, "computeIfPresent", "(" + OBJ + BI_FUNCTION + ")" + OBJ, "computeIfPresent")
        .instance(MAP, "compute", "(" + OBJ + BI_FUNCTION + ")" + OBJ, "compute")
        .instance(MAP, "merge", "(" + OBJ + OBJ + BI_FUNCTION + ")" + OBJ, "merge")
        .instance(QUEUE, "add", "(" + OBJ + ")Z", "add")
        .instance(QUEUE, "offer", "(" + OBJ + ")Z", "offer")
        .instance(QUEUE, "poll", "()" + OBJ, "poll")
        .instance(QUEUE, "peek", "()" + OBJ, "peek")
        .instance(QUEUE, "remove", "()" + OBJ, "remove")
        .instance(QUEUE, "element", "()" + OBJ, "element")
        .instance(DEQUE, "addFirst", "(" + OBJ + ")V", "addFirst")
        .instance(DEQUE, "addLast", "(" + OBJ + ")V", "addLast")
        .instance(DEQUE, "offerFirst", "(" + OBJ + ")Z", "offerFirst")
        .instance(DEQUE, "offerLast", "(" + OBJ + ")Z", "offerLast")
        .instance(DEQUE, "push", "(" + OBJ + ")V", "push")
        .instance(DEQUE, "pollFirst", "()" + OBJ, "pollFirst")
        .instance(DEQUE, "pollLast", "()" + OBJ, "pollLast")
        .instance(DEQUE, "peekFirst", "()" + OBJ, "peekFirst")
        .instance(DEQUE, "peekLast", "()" + OBJ, "peekLast")
        .instance(DEQUE, "pop", "()" + OBJ, "pop")
        .instance(DEQUE, "removeFirst", "()" + OBJ, "removeFirst")
        .instance(DEQUE, "removeLast", "()" + OBJ, "removeLast")
        .instance(DEQUE, "getFirst", "()" + OBJ, "getFirst")
        .instance(DEQUE, "getLast", "()" + OBJ, "getLast")
        .instance(LIST, "add", "(" + OBJ + ")Z", "add")
        .instance(LIST, "add", "(I" + OBJ + ")V", "add")
        .instance(LIST, "set", "(I" + OBJ + ")" + OBJ, "set")
        .instance(LIST, "get", "(I)" + OBJ, "get")
        .instance(LIST, "remove", "(I)" + OBJ, "remove")
        .instance(STACK, "push", "(" + OBJ + ")" + OBJ, "push")
        .instance(STACK, "pop", "()" + OBJ, "pop")
        .instance(STACK, "peek", "()" + OBJ, "peek")
        // after the rules above: a set's, or any collection's called through Collection
        .instance(COLLECTION, "add", "(" + OBJ + ")Z", "add")
        .instance(COLLECTION, "contains", "(" + OBJ + ")Z", "contains")
        .instance(COLLECTION, "remove", "(" + OBJ + ")Z", "remove")
        .in(CallRedirect.BULK_COLLECTION_HOOKS)
        .instance(COLLECTION, "addAll", "(Ljava/util/Collection;)Z", "addAll")
        .instance(MAP, "putAll", "(Ljava/util/Map;)V", "putAll")
        .instance(MAP, "forEach", "(Ljava/util/function/BiConsumer;)V", "forEach")
        .instance(ITERABLE, "forEach", "(Ljava/util/function/Consumer;)V", "forEach")
        .instance(ITERABLE, "iterator", "()Ljava/util/Iterator;", "iterator")
        .instance(ITERATOR, "next", "()" + OBJ, "next")
        .instance(
            ITERATOR, "forEachRemaining", "(Ljava/util/function/Consumer;)V", "forEachRemaining")
        .instance(COLLECTION, "removeIf", "(Ljava/util/function/Predicate;)Z", "removeIf")
        .instance(COLLECTION, "stream", "()" + STREAM, "stream")
        .instance(COLLECTION, "parallelStream", "()" + STREAM, "parallelStream")
        .instance(MAP, "replaceAll", "(" + BI_FUNCTION + ")V", "replaceAll")
        .instance(LIST, "replaceAll", "(Ljava/util/function/UnaryOperator;)V", "replaceAll");
  }
}
