# Generates one realistic Markdown page just under the 10 MiB page limit (paragraphs, headings, lists, tables,
# quotes, links, emphasis, code, wiki links), for the peak-memory figure in bench/fuzz/RESULTS.md ("Large pages").
# Usage: python3 large_page.py OUT.md
import random, sys
random.seed(1)
words = ("migration statistics census population register flows stocks residence permit border crossing mobile "
         "data survey household remittances labour force asylum refugees estimate method quality national office "
         "international harmonised definition country year month sample weight administrative source").split()
def sentence():
    n = random.randint(8, 20)
    w = [random.choice(words) for _ in range(n)]
    if random.random() < 0.3: w[random.randrange(n)] = "**" + random.choice(words) + "**"
    if random.random() < 0.2: w[random.randrange(n)] = "*" + random.choice(words) + "*"
    if random.random() < 0.25: w[random.randrange(n)] = "[" + random.choice(words) + "](https://example.org/" + random.choice(words) + ")"
    if random.random() < 0.05: w[random.randrange(n)] = "[[Home]]"
    if random.random() < 0.1: w[random.randrange(n)] = "`" + random.choice(words) + "`"
    return " ".join(w).capitalize() + "."
out = ["---", "title: Large page", "---", ""]
size = 0; limit = 10 * 1024 * 1024 - 4096; h = 0
while size < limit:
    r = random.random()
    if r < 0.08:
        h += 1; block = "## " + " ".join(random.choice(words) for _ in range(4)).capitalize() + f" {h}"
    elif r < 0.2:
        block = "\n".join("- " + sentence() for _ in range(random.randint(3, 8)))
    elif r < 0.25:
        block = "| Country | Year | Value |\n|---|---|---|\n" + "\n".join(f"| {random.choice(words)} | {random.randint(1990,2030)} | {random.randint(1,99999)} |" for _ in range(10))
    elif r < 0.28:
        block = "> " + sentence()
    else:
        block = " ".join(sentence() for _ in range(random.randint(3, 7)))
    out.append(block); out.append(""); size += len(block) + 2
open(sys.argv[1], "w").write("\n".join(out) + "\n")
