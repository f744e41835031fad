import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { importCycles, importGraph, layerViolations } from './layers.ts'

describe('import layering', () => {
  it('finds imports against the layering', () => {
    const graph = new Map([
      ['mocks/core/host.ts', ['mocks/dadi/index.ts', 'mocks/control/protocol.ts']],
      ['mocks/dadi/index.ts', ['mocks/core/app.ts', 'mocks/exceptionless/errors.ts', 'harness/requirements.ts']],
      ['harness/fixtures/test.ts', ['mocks/control/protocol.ts', 'mocks/dadi/index.ts']],
      ['suites/dadi/token.spec.ts', ['harness/index.ts', 'harness/targets.ts', 'suites/dadi/dadi.ts', 'suites/exceptionless/exceptionless.ts']],
      ['bench/run.ts', ['harness/report/model.ts']],
      ['mocks/registry.ts', ['mocks/dadi/index.ts']],
      ['harness/harness.test.ts', ['mocks/registry.ts']],
    ])
    assert.deepEqual(
      layerViolations(graph).map((v) => v.split(' (')[0]),
      [
        'bench/run.ts → harness/report/model.ts',
        'harness/fixtures/test.ts → mocks/dadi/index.ts',
        'mocks/core/host.ts → mocks/dadi/index.ts',
        'mocks/dadi/index.ts → harness/requirements.ts',
        'mocks/dadi/index.ts → mocks/exceptionless/errors.ts',
        'suites/dadi/token.spec.ts → harness/targets.ts',
        'suites/dadi/token.spec.ts → suites/exceptionless/exceptionless.ts',
      ],
    )
  })

  it('finds cycles between files and between folders, tests left out', () => {
    const graph = new Map([
      ['a/x.ts', ['a/y.ts']],
      ['a/y.ts', ['a/x.ts']],
      ['b/p/one.ts', ['b/q/two.ts']],
      ['b/q/two.ts', ['b/p/three.ts']],
      ['b/p/three.ts', []],
      ['c/t.test.ts', ['d/u.ts']],
      ['d/u.ts', ['c/t.test.ts']],
    ])
    assert.deepEqual(importCycles(graph), ['files: a/x.ts ⇄ a/y.ts', 'folders: b/p ⇄ b/q'])
  })

  it('holds for this tree', () => {
    const graph = importGraph(process.cwd())
    assert.ok(graph.size > 50)
    assert.deepEqual([...importCycles(graph), ...layerViolations(graph)], [])
  })
})
