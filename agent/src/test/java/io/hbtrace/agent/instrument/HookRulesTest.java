package io.hbtrace.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

/** Every rewritten call goes to a hook that exists where its rule says. */
class HookRulesTest {
  @Test
  void everyRuleNamesAPublicStaticHookOfItsFacade() throws Exception {
    CallRedirect.Rules rules = new CallRedirect.Rules();
    LockCallInstrumentation.addRules(rules);
    ThreadInstrumentation.addRules(rules);
    HandoffInstrumentation.addRules(rules);
    CollectionInstrumentation.addRules(rules);
    FieldAccessInstrumentation.addAtomicRules(rules);
    assertThat(rules.list()).hasSizeGreaterThan(50);
    for (CallRedirect.Rule r : rules.list()) {
      Class<?> facade = Class.forName(r.hookOwner().replace('/', '.'));
      assertThat(hooks(facade)).as(r.toString()).contains(r.hookName() + r.hookDesc());
    }
  }

  @Test
  void aRuleNeedsAFacade() {
    CallRedirect.Rules rules = new CallRedirect.Rules();
    assertThatIllegalStateException()
        .isThrownBy(() -> rules.instance("java/lang/Thread", "start", "()V", "start"));
  }

  /** Name + descriptor of every public static method of {@code c}. */
  private static Set<String> hooks(Class<?> c) {
    Set<String> out = new HashSet<>();
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
        out.add(m.getName() + Type.getMethodDescriptor(m));
      }
    }
    return out;
  }
}
