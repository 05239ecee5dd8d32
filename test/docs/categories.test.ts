/**
 * Every public export of both entries sits in a named category of the API reference (the
 * `@category` tags in src/), so a new analyst browses by domain instead of one list of 490 names.
 * Runs TypeDoc's converter in-process with the project's typedoc.json, as `npm run docs` does.
 */
import { Application, TSConfigReader, TypeDocReader, type ProjectReflection } from "typedoc";
import { describe, expect, it } from "vitest";
import typedocJson from "../../typedoc.json" with { type: "json" };

const KNOWN = typedocJson.categoryOrder.filter((c) => c !== "*");

/** The exports of each entry that are not in one of the categories typedoc.json orders. */
function uncategorised(project: ProjectReflection): string[] {
  // With one entry point the project itself holds the exports; with two, one module per entry.
  const modules = project.children?.some((c) => c.kindOf(2 /* Module */)) ? project.children : [project];
  const missing: string[] = [];
  for (const mod of modules ?? []) {
    const placed = new Set<number>();
    for (const cat of mod.categories ?? []) {
      if (KNOWN.includes(cat.title)) for (const r of cat.children) placed.add(r.id);
    }
    for (const child of mod.children ?? []) {
      // The node entry re-exports the main entry's error classes: TypeDoc lists them as references
      // in its default category, and their declaration carries the category.
      const target = child.isReference() ? child.getTargetReflectionDeep() : child;
      if (!placed.has(child.id) && !categorisedElsewhere(project, target.id)) missing.push(`${mod.name}: ${child.name}`);
    }
  }
  return missing;
}

/** Whether the declaration `id` is in a known category of any module. */
function categorisedElsewhere(project: ProjectReflection, id: number): boolean {
  return (project.children ?? [project]).some((m) => (m.categories ?? []).some((c) => KNOWN.includes(c.title) && c.children.some((r) => r.id === id)));
}

async function convert(options: Record<string, unknown>): Promise<ProjectReflection> {
  // No ArgumentsReader: vitest's own command line is not TypeDoc's.
  const app = await Application.bootstrapWithPlugins(options, [new TypeDocReader(), new TSConfigReader()]);
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the project");
  // What `npm run docs` fails on too (treatWarningsAsErrors): e.g. a {@link} to a name that is gone.
  app.validate(project);
  expect({ warnings: app.logger.warningCount, errors: app.logger.errorCount }).toEqual({ warnings: 0, errors: 0 });
  return project;
}

describe("API reference categories", () => {
  it("puts every export of the main and the node entry in a known category; every link resolves", async () => {
    const project = await convert({});
    expect(project.children?.map((m) => m.name).sort()).toEqual(["jeugdhulp-bekostiging", "jeugdhulp-bekostiging/node"]);
    const all = project.children!.flatMap((m) => m.children ?? []);
    expect(all.length).toBeGreaterThan(400);
    expect(uncategorised(project)).toEqual([]);
  });

  it("reports an export without @category", async () => {
    const project = await convert({ entryPoints: ["test/docs/fixtures/uncategorised.ts"], readme: "none", projectDocuments: [] });
    expect(uncategorised(project)).toEqual(["jeugdhulp-bekostiging: untagged"]);
  });
});
