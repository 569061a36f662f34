// One Apache ECharts chart on a div: created on mount, given each new option, resized with its
// container and disposed on unmount. Only the chart types and components the console uses are
// bundled. The div is an image for assistive technology, described by `label`; the numbers it
// draws are always also in a table beside it.
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, MarkLineComponent, DataZoomComponent, CanvasRenderer]);

export type { EChartsOption };

interface Props {
  option: EChartsOption;
  /** What the chart shows, in words (its aria-label). */
  label: string;
  height?: number;
  testId?: string;
}

export function EChart({ option, label, height = 320, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
