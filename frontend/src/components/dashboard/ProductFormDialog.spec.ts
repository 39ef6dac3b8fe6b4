import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { aProduct } from '@/test/fixtures'
import { renderWithApp } from '@/test/render'
import ProductFormDialog from './ProductFormDialog.vue'
import RestockDialog from './RestockDialog.vue'

describe('the product dialogs', () => {
  it('creates a product with its initial stock, then closes', async () => {
    let body: unknown
    server.use(
      http.post(`${API}/api/admin/products`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json(aProduct({ id: 9, name: 'Limited' }), { status: 201 })
      }),
    )
    const { emitted } = renderWithApp(ProductFormDialog, {
      props: { modelValue: true, product: null },
    })
    const user = userEvent.setup()
    const dialog = await screen.findByRole('dialog', { name: '新建商品' })
    await user.type(within(dialog).getByLabelText('商品名称'), ' Limited ')
    await user.click(within(dialog).getByRole('button', { name: '保存' }))
    await expect.poll(() => emitted('update:modelValue')).toEqual([[false]])
    expect(body).toMatchObject({ name: 'Limited', initialStock: 100 })
    expect(emitted('saved')).toEqual([[expect.objectContaining({ id: 9 })]])
  })

  it('keeps the restock dialog open when the restock fails', async () => {
    server.use(
      http.post(`${API}/api/admin/products/1/restock`, () =>
        HttpResponse.json({ title: 'Boom', status: 500 }, { status: 500 }),
      ),
    )
    const { emitted } = renderWithApp(RestockDialog, {
      props: { modelValue: true, product: { id: 1, name: 'Phone' } },
    })
    const user = userEvent.setup()
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: '补货' }))
    expect(await screen.findByText('Boom')).toBeInTheDocument()
    expect(emitted('update:modelValue')).toBeUndefined()
  })
})
