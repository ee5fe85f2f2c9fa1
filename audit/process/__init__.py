"""The process layer: the mined process laid over the customer journey, drawn as SVG.

journey_map (graph and filter), layout, map_svg (the process over the journey), blueprint
(service blueprint table and picture), handoffs (unit-to-unit network), loops (cycles for
the labyrinth view), mining (pm4py: BPMN discovery and token-based replay), labels (EN/FI
words and human durations) and svg (shared drawing helpers).
"""
