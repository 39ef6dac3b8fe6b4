import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/vue'
import { aProduct } from '@/test/fixtures'
import { renderWithApp } from '@/test/render'
import StockBoard from './StockBoard.vue'

describe('StockBoard', () => {
  it('shows every stock figure in its column and marks a low one', async () => {
    const row = { ...aProduct({ available: 7, locked: 3, sold: 90, sellable: 6 }), lowStock: true }
    renderWithApp(StockBoard, { props: { rows: [row] } })
    await screen.findByText('限量版手机 Flash Phone')
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent?.trim())
    expect(headers).toEqual(['商品', '总库存', '可用', '锁定', '已售', '闸门可售', '偏差', '操作'])
    const cells = [...document.querySelectorAll('.el-table__body tr:first-child td')]
    expect(cells.map((td) => td.textContent?.trim()).slice(1, 7)).toEqual([
      '100',
      '7',
      '3',
      '90',
      '6',
      '1',
    ])
    expect(screen.getByText('7')).toHaveClass('num', 'strong', 'low')
    expect(screen.getByText('3')).not.toHaveClass('strong')
  })
})
