package io.steward;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure both modules promise (see ARCHITECTURE.md): capabilities depend on each
 * other in one direction only, the kernels ({@code shared}, then {@code tenancy}) depend on no
 * capability, and within a capability the arrows run interfaces → application → domain ←
 * infrastructure.
 */
class ArchitectureTest {

  private static final JavaClasses STEWARD =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.steward");

  @Test
  void should_have_no_dependency_cycle_between_capabilities() {
    slices().matching("io.steward.(*)..").should().beFreeOfCycles().check(STEWARD);
  }

  @Test
  void should_keep_the_shared_kernel_free_of_every_capability() {
    noClasses()
        .that()
        .resideInAPackage("io.steward.shared..")
        .should()
        .dependOnClassesThat(stewardOutside("io.steward.shared.."))
        .check(STEWARD);
  }

  @Test
  void should_keep_the_tenancy_kernel_free_of_every_capability() {
    noClasses()
        .that()
        .resideInAPackage("io.steward.tenancy..")
        .should()
        .dependOnClassesThat(stewardOutside("io.steward.shared..", "io.steward.tenancy.."))
        .check(STEWARD);
  }

  @Test
  void should_let_capabilities_reach_the_agent_runtime_only_through_its_tool_spi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.steward.agent..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.steward.agent..")
                .and(not(resideInAPackage("io.steward.agent.spi.."))))
        .check(STEWARD);
  }

  private static DescribedPredicate<JavaClass> stewardOutside(String... kernels) {
    return resideInAPackage("io.steward..").and(not(resideInAnyPackage(kernels)));
  }

  @Test
  void should_keep_domains_free_of_the_layers_above_them() {
    noClasses()
        .that()
        .resideInAPackage("io.steward.*.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.steward.*.application..",
            "io.steward.*.infrastructure..",
            "io.steward.*.interfaces..")
        .check(STEWARD);
  }

  @Test
  void should_keep_applications_free_of_interfaces() {
    noClasses()
        .that()
        .resideInAPackage("io.steward.*.application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.steward.*.interfaces..")
        .check(STEWARD);
  }
}
