// Draws every dashboard chart from the data the server put beside its table (one source for both).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var c = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el, null, {renderer: 'svg'});
    var num = function (v) { return v === null ? null : Number(v); };
    var option;
    if (c.kind === 'pie') {
      option = {tooltip: {trigger: 'item'}, series: [{type: 'pie', radius: '65%',
        data: c.categories.map(function (name, i) { return {name: name, value: num(c.series[0].values[i])}; })}]};
    } else if (c.kind === 'pyramid') {
      option = {tooltip: {trigger: 'axis', formatter: function (p) {
          return p[0].name + '<br>' + p.map(function (s) { return s.seriesName + ': ' + Math.abs(s.value); }).join('<br>'); }},
        legend: {}, grid: {left: 60, right: 20},
        xAxis: {type: 'value', axisLabel: {formatter: function (v) { return Math.abs(v); }}},
        yAxis: {type: 'category', data: c.categories},
        series: c.series.map(function (s, i) {
          return {name: s.name, type: 'bar', stack: 'all', data: s.values.map(function (v) { return i === 0 ? -num(v) : num(v); })};
        })};
    } else {
      option = {tooltip: {trigger: 'axis'}, legend: {}, grid: {left: 50, right: 20, bottom: 80},
        xAxis: {type: 'category', data: c.categories, axisLabel: {rotate: c.categories.length > 8 ? 45 : 0}},
        yAxis: {type: 'value'},
        series: c.series.map(function (s) { return {name: s.name, type: c.kind, data: s.values.map(num)}; })};
    }
    chart.setOption(option);
    el.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
