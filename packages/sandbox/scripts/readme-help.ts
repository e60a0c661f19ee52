// Writes `livechat-sandbox --help` into README.md between the help markers
// (`npm run readme -w packages/sandbox`); tests/cli/help.test.ts fails until they agree.
import { readFileSync, writeFileSync } from 'node:fs'
import { helpText } from '../src/cli/help'

const path = new URL('../README.md', import.meta.url)
const readme = readFileSync(path, 'utf8')
const block = /<!-- help:start -->\s*```text\n[\s\S]*?```\s*<!-- help:end -->/
if (!block.test(readme)) throw new Error('README.md has no help markers')
writeFileSync(
  path,
  readme.replace(
    block,
    `<!-- help:start -->\n\n\`\`\`text\n${helpText()}\`\`\`\n\n<!-- help:end -->`,
  ),
)
