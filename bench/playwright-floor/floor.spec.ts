import { test } from '@playwright/test'

// Two empty tests, one per worker: what every Playwright run costs before any test of ours does anything.
test('worker one starts', () => {})
test('worker two starts', () => {})
