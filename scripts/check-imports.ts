/**
 * npm run check:imports — fails on an import cycle (files, folders) or an import against the layering
 * (tools/layers.ts says which layer may import which).
 */
import { importCycles, importGraph, layerViolations } from '../tools/layers.ts'

const graph = importGraph(process.cwd())
const problems = [...importCycles(graph).map((c) => `cycle between ${c}`), ...layerViolations(graph).map((v) => `against the layering: ${v}`)]
if (problems.length) {
  console.error(`[authconform] ${problems.length} import problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`)
  process.exit(1)
}
console.log(`[authconform] imports: ${graph.size} files, no cycle, layering kept`)
