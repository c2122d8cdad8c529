#!/usr/bin/env bash
# Draws the ratios to nginx of a results file as a bar chart (gnuplot):
#   bash bench/chart.sh bench/results/STAMP.tsv [OUT.png]      (default: the same name, .png)
set -euo pipefail
tsv=$1; png=${2:-${tsv%.tsv}.png}
command -v gnuplot >/dev/null || { echo "gnuplot not installed: no chart" >&2; exit 1; }
dat=$(mktemp); trap 'rm -f "$dat"' EXIT
# median per peer of each rate, divided by nginx's; peers in the order they first appear
awk -F'\t' '
  NR == 1 { for (i = 1; i <= NF; i++) ix[$i] = i; next }
  { if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }; rounds[$2]++
    for (c = 1; c <= 4; c++) v[$2, c, rounds[$2]] = $ix[col[c]] }
  function median(p, c,   k, m, a, i, j, t) {
    m = 0; for (k = 1; k <= rounds[p]; k++) if (v[p, c, k] != "-") a[++m] = v[p, c, k] + 0
    for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return m == 0 ? 0 : (m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2)
  }
  BEGIN { split("ka_rps full_hs_s res_hs_s bulk_MBps", col, " ") }
  END {
    for (c = 1; c <= 4; c++) ref[c] = median("nginx", c)
    for (i = 1; i <= n; i++) { p = order[i]; if (p == "direct" || p == "nginx") continue
      printf "%s", p; for (c = 1; c <= 4; c++) printf " %.3f", ref[c] ? median(p, c) / ref[c] : 0; print "" }
  }' "$tsv" >"$dat"
rounds=$(awk -F'\t' 'NR > 1 && $1 > m { m = $1 } END { print m + 0 }' "$tsv")
gnuplot <<GP
set terminal pngcairo size 760,360 font ",9"
set output "$png"
set title "Each TLS terminator ÷ nginx in the same run (dashed line = nginx), median of $rounds round(s); higher is better"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set yrange [0:1.2<*]
set grid ytics
set key outside bottom center horizontal
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 1.5
plot "$dat" using 2:xtic(1) title "keep-alive req/s", '' using 3 title "full handshakes/s", \
     '' using 4 title "resumed handshakes/s", '' using 5 title "1 MiB MB/s"
GP
echo "$png"
